package ro.runner.imports.boundary;

/** Asked for an import or a profile that does not exist (the API answers 404). */
public class UnknownImport extends RuntimeException {

    public UnknownImport(String message) {
        super(message);
    }
}
