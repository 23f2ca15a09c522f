/**
 * Configuration: every key with its file name, environment variable, flag and default in one enum, loaded
 * once into an immutable {@code SetlistConfig} (file, then environment, then flags). Errors name their source and key.
 */
package dev.setlist.plugin.config;
