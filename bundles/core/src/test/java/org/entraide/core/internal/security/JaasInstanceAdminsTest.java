package org.entraide.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instance administrators are the users of a JAAS realm with the admin role, as Karaf's users.properties lists them. */
class JaasInstanceAdminsTest {
    /** users.properties in miniature: name to password and role. */
    static final Map<String, String[]> USERS = Map.of("root", new String[] {"root-password", "admin"},
        "viewer", new String[] {"viewer-password", "viewer"});
    private static Configuration previous;

    /** A realm's login module: checks the password and grants the user's role, like Karaf's PropertiesLoginModule. */
    public static final class UsersLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String role;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.getMessage());
            }
            String[] user = USERS.get(name.getName());
            if (user == null || !user[0].equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong credentials");
            }
            role = user[1];
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new RolePrincipal(role));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    @BeforeAll
    static void realm() {
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return !name.equals("test-realm") ? null : new AppConfigurationEntry[] {new AppConfigurationEntry(
                    UsersLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())};
            }
        });
    }

    @AfterAll
    static void restore() {
        Configuration.setConfiguration(previous);
    }

    @Test
    void onlyUsersWithTheAdminRoleAreInstanceAdministrators() {
        InstanceAdmins admins = new JaasInstanceAdmins("test-realm", "admin");
        assertTrue(admins.authenticate("root", "root-password"), "a user with the admin role");
        assertFalse(admins.authenticate("root", "wrong"), "not with a wrong password");
        assertFalse(admins.authenticate("viewer", "viewer-password"), "not a user without the admin role");
        assertFalse(admins.authenticate("nobody", "root-password"), "not an unknown user");
        assertFalse(new JaasInstanceAdmins("no-such-realm", "admin").authenticate("root", "root-password"),
            "not through a realm that does not exist");
    }
}
