package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link FactSource} over a snapshot folder: every {@code *.json} under it (recursively, sorted
 * by relative path) holding ARM or {@code az} output. The folder is read once, on first use. Bad
 * files become {@link dev.lbtriage.rules.facts.SnapshotProblem}s; only an unusable folder throws
 * ({@link SnapshotFolderException}, from the constructor). See {@code engine/SNAPSHOT-FORMAT.md}.
 */
public final class SnapshotReader implements FactSource {

  private final Path folder;
  private final SnapshotLimits limits;
  private final List<SnapshotFiles.Entry> files;
  private SnapshotIndex index;

  /** @throws SnapshotFolderException when the folder is missing, not a folder, or has no JSON files */
  public SnapshotReader(Path folder) {
    this(folder, SnapshotLimits.DEFAULT);
  }

  public SnapshotReader(Path folder, SnapshotLimits limits) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.files = SnapshotFiles.list(folder);
  }

  @Override
  public List<LoadBalancerSummary> loadBalancers() {
    return index(Progress.none()).loadBalancers.all().stream()
        .map(lb -> new LoadBalancerSummary(lb.id(), lb.name(), lb.resourceGroup(), lb.location(), lb.sku(),
            lb.internal(), lb.origin().file()))
        .toList();
  }

  @Override
  public AzureFacts gather(String lbIdOrName, Progress progress) {
    SnapshotIndex idx = index(progress);
    LoadBalancer lb = idx.loadBalancers.all().stream()
        .filter(l -> l.id().equalsIgnoreCase(lbIdOrName) || l.name().equalsIgnoreCase(lbIdOrName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no load balancer '" + lbIdOrName + "' in " + describe()
            + "; it has: " + idx.loadBalancers.all().stream().map(LoadBalancer::name).collect(Collectors.joining(", "))));
    progress.update("following references", 0, 1);
    AzureFacts facts = new TopologyResolver(idx).resolve(lb);
    progress.update("following references", 1, 1);
    return facts;
  }

  /**
   * Everything in the snapshot as read, without following a load balancer: pool members are only
   * those the load balancers list, and no missing references are computed (only the NSG rules left out as unreadable
   * are missing facts). For tools and tests.
   */
  public AzureFacts everything(Progress progress) {
    SnapshotIndex idx = index(progress);
    return new AzureFacts(idx.loadBalancers.all(), idx.nics.all(), idx.vms.all(), idx.subnets.all(), idx.vnets.all(),
        idx.nsgs.all(), idx.effectiveSecurityRules, idx.routeTables.all(), idx.effectiveRoutes, idx.scaleSets.all(),
        idx.metrics, idx.publicIps.all(), idx.leftOutRulesOf(idx.nsgs.all()), idx.problems, idx.flowVerifications, idx.healthEvents, idx.resourceHealth);
  }

  /** The snapshot folder read (as given). */
  public Path folder() {
    return folder;
  }

  @Override
  public String describe() {
    return "snapshot folder " + folder.toAbsolutePath() + " (" + files.size() + (files.size() == 1 ? " file)" : " files)");
  }

  private synchronized SnapshotIndex index(Progress progress) {
    if (index != null) {
      progress.update("reading files", files.size(), files.size());
      return index;
    }
    SnapshotIndex fresh = new SnapshotIndex();
    SnapshotFileReader reader = new SnapshotFileReader(limits);
    int done = 0;
    for (SnapshotFiles.Entry f : files) {
      progress.update("reading files", done, files.size());
      reader.read(f.path(), f.relative(), fresh);
      done++;
    }
    progress.update("reading files", done, files.size());
    index = fresh;
    return fresh;
  }
}
