/** Database access the platform provides to plugins: transactions and per-bundle schema migrations. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.storage;
