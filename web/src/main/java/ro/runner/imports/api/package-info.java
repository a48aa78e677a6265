/** REST resources of catalogue imports under /api/imports. */
package ro.runner.imports.api;
