/**
 * Users and roles: a database identity store with PBKDF2 hashes, roles {@code admin}, {@code
 * operator} and {@code viewer}, and the first admin created on first start.
 */
package ro.runner.security;
