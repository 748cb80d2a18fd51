/** HikariCP pooling of pax-jdbc-config's datasources; private to bundle org.entraide.jdbc.pool. */
package org.entraide.jdbc.pool.internal;
