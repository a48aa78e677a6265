/**
 * Web security: the authentication mechanism for the API (HTTP Basic) and the console (form), and
 * the login page's bean. Users, roles and the first admin live in the ejb module's security package.
 */
package ro.runner.security.api;
