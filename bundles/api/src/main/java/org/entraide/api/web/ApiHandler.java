package org.entraide.api.web;

/** What one endpoint of a plugin does. Plugins implement it; it runs on the HTTP thread and may block. */
@FunctionalInterface
public interface ApiHandler {
    /** @throws org.entraide.api.problem.ProblemException for an answer the caller can act on (4xx) */
    ApiResult handle(ApiCall call) throws Exception;
}
