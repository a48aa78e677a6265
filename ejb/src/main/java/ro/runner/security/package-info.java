/**
 * Users and roles: a database identity store with PBKDF2 hashes, roles {@code admin}, {@code
 * operator} and {@code viewer}, the authentication mechanism of the API (HTTP Basic) and the console
 * (form), and the first admin created on first start.
 */
package ro.runner.security;
