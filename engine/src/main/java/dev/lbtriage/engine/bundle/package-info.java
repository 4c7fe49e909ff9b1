/**
 * The support-case bundle (issue 17): everything a support engineer asks for, built from a diagnosis,
 * the facts and the conversation. {@link dev.lbtriage.engine.bundle.BundleBuilder} builds the content
 * in memory and does no I/O; {@link dev.lbtriage.engine.bundle.BundleFolderWriter}, {@link
 * dev.lbtriage.engine.bundle.BundleZipWriter} and {@link dev.lbtriage.engine.bundle.SnapshotDocumentsReader}
 * are the adapters that touch files.
 */
package dev.lbtriage.engine.bundle;
