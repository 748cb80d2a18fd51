/** JDBC helpers shared by plugins for their own tables; the platform provides them (bundle org.entraide.jdbc). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.entraide.jdbc;
