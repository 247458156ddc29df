package io.msgbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts of their own on this machine: Linux network namespaces, each with one veth link into a bridge of the root
 * namespace and an address of its own on a private /24; the root namespace (the test JVM, its broker) is host 0 at
 * {@code .1}. Needs root and {@code ip}. A link can be cut ({@code ip link set down}) and restored. Closing kills
 * what ran in the namespaces and deletes them and the bridge; namespaces left by a killed test JVM are swept
 * before the next rig is built.
 */
public final class NamespaceHosts implements AutoCloseable {
    private static final String PREFIX = "msgbench-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)");

    private final long pid = ProcessHandle.current().pid();
    private final int subnet;
    private final int hosts;
    private final String bridge;

    private NamespaceHosts(int hosts, int subnet) {
        this.hosts = hosts;
        this.subnet = subnet;
        this.bridge = "mbb" + pid;
    }

    /** Whether this machine can build the rig: root and {@code ip}. */
    public static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespaces need root";
        }
        try {
            return ip(false, "netns", "list") == null ? "'ip netns' does not work here" : null;
        } catch (IOException e) {
            return "no 'ip' command (Debian: iproute2)";
        }
    }

    /** Builds {@code hosts} namespaces (1..hosts) on 10.213.N.0/24 with N free on this machine. */
    public static NamespaceHosts create(int hosts) throws IOException {
        sweepStale();
        String addresses = ip(true, "-4", "-o", "addr");
        int subnet = 10 + (int) (ProcessHandle.current().pid() % 200);
        while (addresses.contains("10.213." + subnet + ".")) {
            subnet = 10 + (subnet + 1) % 200;
        }
        NamespaceHosts rig = new NamespaceHosts(hosts, subnet);
        try {
            rig.build();
        } catch (IOException | RuntimeException e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    private void build() throws IOException {
        ip(true, "link", "add", bridge, "type", "bridge");
        ip(true, "addr", "add", address(0) + "/24", "dev", bridge);
        ip(true, "link", "set", bridge, "up");
        for (int h = 1; h <= hosts; h++) {
            String ns = namespace(h);
            ip(true, "netns", "add", ns);
            ip(true, "link", "add", link(h), "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip(true, "link", "set", link(h), "master", bridge, "up");
            ip(true, "-n", ns, "addr", "add", address(h) + "/24", "dev", "eth0");
            ip(true, "-n", ns, "link", "set", "eth0", "up");
            ip(true, "-n", ns, "link", "set", "lo", "up");
        }
    }

    /** Host {@code h}'s address: 0 is the root namespace (this JVM), 1.. the namespaces. */
    public String address(int h) {
        return "10.213." + subnet + "." + (h == 0 ? 1 : 10 + h);
    }

    /** Host {@code h}'s namespace name. */
    public String namespace(int h) {
        return PREFIX + pid + "-" + h;
    }

    /** The command prefix that runs a program on host {@code h}. */
    public List<String> on(int h) {
        return List.of("ip", "netns", "exec", namespace(h));
    }

    /** Host {@code h}'s end of its link in the root namespace. */
    private String link(int h) {
        return "mbv" + pid + "x" + h;
    }

    /** Cuts host {@code h}'s link: packets to and from it are dropped from now on. */
    public void cut(int h) throws IOException {
        ip(true, "link", "set", link(h), "down");
    }

    public void restore(int h) throws IOException {
        ip(true, "link", "set", link(h), "up");
    }

    /** The namespaces of this rig that exist now. */
    public List<String> existing() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : ip(true, "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(PREFIX + pid + "-")) {
                out.add(name);
            }
        }
        return out;
    }

    /** Kills every process left in the namespaces, then deletes them and the bridge; never throws. */
    @Override
    public void close() {
        for (int h = 1; h <= hosts; h++) {
            remove(namespace(h));
        }
        try {
            ip(false, "link", "del", bridge);
        } catch (IOException ignored) {
            // nothing to delete
        }
    }

    private static void remove(String namespace) {
        try {
            String pids = ip(false, "netns", "pids", namespace);
            if (pids != null) {
                for (String p : pids.split("\\s+")) {
                    if (!p.isBlank()) {
                        ProcessHandle.of(Long.parseLong(p.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
            ip(false, "netns", "del", namespace);
        } catch (IOException ignored) {
            // nothing to delete
        }
    }

    /** Namespaces (and their bridges) of test JVMs that no longer run. */
    private static void sweepStale() throws IOException {
        String list = ip(false, "netns", "list");
        for (String line : list == null ? new String[0] : list.split("\n")) {
            Matcher m = OWNED.matcher(line.split(" ")[0]);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                remove(m.group(0));
                ip(false, "link", "del", "mbb" + m.group(1));
            }
        }
    }

    /** Runs {@code ip args}: its output, or null (strict: an exception) when it fails. */
    private static String ip(boolean strict, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            if (strict) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
            return null;
        }
        return out;
    }
}
