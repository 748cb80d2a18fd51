/** JDBC helpers shared by the core and the plugins for their own tables; the platform provides them (bundle org.entraide.jdbc). */
@org.osgi.annotation.versioning.Version("0.4.0")
package org.entraide.jdbc;
