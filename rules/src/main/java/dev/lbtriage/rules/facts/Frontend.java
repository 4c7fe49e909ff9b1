package dev.lbtriage.rules.facts;

/**
 * A frontend IP configuration.
 *
 * @param privateIp the private address (internal frontends), else null
 * @param publicIpId the public IP resource (public frontends), else null
 * @param publicIp the public address when the snapshot holds the public IP resource, else null
 * @param subnetId the subnet of an internal frontend, else null
 */
public record Frontend(
    String id, String name, String loadBalancerId, String privateIp, String publicIpId, String publicIp, String subnetId) {

  public boolean isPublic() {
    return publicIpId != null;
  }

  /** The address clients use, as far as known. */
  public String address() {
    return isPublic() ? publicIp : privateIp;
  }
}
