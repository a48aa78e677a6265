package ro.runner.runs.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import ro.runner.runs.control.Foreground;

/** Counts the API requests in flight, for the consumers that give way to them ({@link Foreground}). */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ForegroundFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Foreground.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            Foreground.exit();
        }
    }
}
