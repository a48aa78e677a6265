package ro.runner.notifications.entity;

import java.util.List;

/** A rendered mail: subject, text and HTML bodies, attachments (the HTML may refer to one by cid). */
public record Mail(String subject, String text, String html, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, String contentId, byte[] content) {}
}
