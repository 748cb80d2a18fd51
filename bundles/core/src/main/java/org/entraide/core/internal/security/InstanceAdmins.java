package org.entraide.core.internal.security;

/**
 * Checks the credentials of an instance administrator, the operator who creates brands.
 * In Karaf they are the JAAS users of the {@code karaf} realm with the {@code admin} role.
 */
@FunctionalInterface
public interface InstanceAdmins {
    boolean authenticate(String user, String password);
}
