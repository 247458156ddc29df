/**
 * The Java side of msgbench's agents: processes that run a client the JVM cannot host (Python's Kafka clients
 * first) and report what happened to every message in binary event frames (docs/agent-protocol.md). The agent
 * itself ships as Python resources of this package: {@code agent_core.py} (stamp, schedule, clock, events, shared
 * with the Java engine through {@code test-vectors.json}) and one adapter per client.
 */
package io.msgbench.agent;
