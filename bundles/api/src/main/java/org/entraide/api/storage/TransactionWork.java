package org.entraide.api.storage;

import java.sql.Connection;

/** Work done inside one database transaction; the connection must not be closed or committed by it. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Connection connection) throws Exception;
}
