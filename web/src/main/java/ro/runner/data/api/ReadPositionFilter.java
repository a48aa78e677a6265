package ro.runner.data.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import ro.runner.data.control.ReaderPosition;
import ro.runner.data.entity.Lsn;

/**
 * Tells read routing where this reader last wrote: the WAL position kept in the console session, or
 * the one an API client sends back (header {@value #HEADER} or cookie {@value #COOKIE}, both set on
 * the answer to its last write). A malformed position is ignored: it can only cost a replica read.
 */
@WebFilter(urlPatterns = {"/api/*", "/console/*"})
public class ReadPositionFilter extends HttpFilter {

    public static final String HEADER = "Runner-Read-After";
    public static final String COOKIE = "runner-read-after";
    public static final String SESSION = "ro.runner.data.lastWrite";

    @Inject
    ReaderPosition reader;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION) instanceof Lsn kept) {
            reader.remember(kept);
        }
        remember(request.getHeader(HEADER));
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    remember(cookie.getValue());
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void remember(String position) {
        try {
            reader.remember(Lsn.parse(position));
        } catch (IllegalArgumentException ignored) {
            // a client's malformed position: read as if it had none
        }
    }
}
