/**
 * Live reachability checks lb-triage runs for the user, like PsPing or TCPing: TCP connects
 * ({@link dev.lbtriage.engine.check.TcpCheck}) and HTTP GETs ({@link dev.lbtriage.engine.check.HttpCheck})
 * to one given host and port, a bounded number of times with a short timeout. Never a scan.
 */
package dev.lbtriage.engine.check;
