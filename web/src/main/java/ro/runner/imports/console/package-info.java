/** The console's Imports page. */
package ro.runner.imports.console;
