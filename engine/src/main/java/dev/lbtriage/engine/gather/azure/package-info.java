/**
 * Live Azure: reads the raw ARM documents of one load balancer and everything its backends meet
 * through the Azure SDK's own HTTP pipeline (credential, retries honouring {@code Retry-After},
 * long-running-operation polling), strictly read-only ({@link
 * dev.lbtriage.engine.gather.azure.ReadOnlyPolicy}), and turns them into facts with the same
 * parsers as the snapshot reader. {@link dev.lbtriage.engine.gather.azure.Capture} writes the same
 * documents out as a snapshot folder. See {@code engine/AZURE.md}.
 */
package dev.lbtriage.engine.gather.azure;
