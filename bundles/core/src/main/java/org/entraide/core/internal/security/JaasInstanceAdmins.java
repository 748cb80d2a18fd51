package org.entraide.core.internal.security;

import java.security.Principal;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/** Instance administrators from Karaf's JAAS realm (etc/users.properties by default). */
public final class JaasInstanceAdmins implements InstanceAdmins {
    private final String realm;
    private final String role;

    public JaasInstanceAdmins(String realm, String role) {
        this.realm = realm;
        this.role = role;
    }

    @Override
    public boolean authenticate(String user, String password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback name) {
                        name.setName(user);
                    } else if (cb instanceof PasswordCallback pw) {
                        pw.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
            try {
                for (Principal p : subject.getPrincipals()) {
                    if (p instanceof RolePrincipal && role.equals(p.getName())) {
                        return true;
                    }
                }
                return false;
            } finally {
                login.logout();
            }
        } catch (LoginException e) {
            return false;
        }
    }
}
