package ro.runner.imports.job;

/** A record whose quoting breaks RFC 4180; the reader turns it into a rejection and goes on. */
class MalformedRecord extends Exception {

    MalformedRecord(String reason) {
        super(reason, null, false, false);
    }
}
