package org.entraide.core.internal.rest;

/** What one endpoint does once its request is read: it returns a reply or throws a ProblemException. */
@FunctionalInterface
public interface ApiOperation {
    ApiReply handle(ApiRequest request) throws Exception;
}
