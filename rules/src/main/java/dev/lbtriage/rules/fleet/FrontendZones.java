package dev.lbtriage.rules.fleet;

import java.util.List;

/**
 * The availability zones of one frontend IP configuration: a private frontend's own {@code zones},
 * or the {@code zones} of a public frontend's public IP address.
 *
 * @param name the frontend IP configuration's name
 * @param publicIpId the public IP's ARM id for a public frontend, else null
 * @param subnetId the subnet of a private frontend, else null
 * @param zones the zones as Azure lists them (empty: no zone, "regional")
 * @param known false when the zones could not be read (a public IP not in the scan)
 */
public record FrontendZones(String name, String publicIpId, String subnetId, List<String> zones, boolean known) {
  public FrontendZones {
    zones = List.copyOf(zones);
  }

  public boolean isPublic() {
    return publicIpId != null;
  }

  /** Zone-redundant: in at least two zones (APRL 621dbc78 and PSRule Azure.LB.AvailabilityZone ask for 2 or more). */
  public boolean zoneRedundant() {
    return zones.size() >= 2;
  }
}
