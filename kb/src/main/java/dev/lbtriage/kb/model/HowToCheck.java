package dev.lbtriage.kb.model;

/**
 * How a person checks something by hand. Any field may be null when it does not apply. Commands may
 * hold placeholders such as {@code {probePort}}.
 *
 * @param windows on a Windows VM (a command or short instruction)
 * @param linux on a Linux VM
 * @param portal in the Azure portal or with {@code az}
 */
public record HowToCheck(String windows, String linux, String portal) {}
