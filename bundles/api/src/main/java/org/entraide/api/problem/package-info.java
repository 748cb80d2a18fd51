/** Errors as RFC 9457 problem details: any service or plugin throws {@link org.entraide.api.problem.ProblemException} and the HTTP layer answers with it. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.problem;
