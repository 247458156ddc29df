"""msgbench agent: runs one client's producers and consumers for a Java worker (docs/agent-protocol.md).

Commands arrive as JSON lines on stdin; answers and event batches leave as frames on stdout; logs go to
stderr. The agent owns only what must be near the client: the open-loop schedule, the stamp, the client calls
and their times. It exits when stdin ends.

Usage: python3 agent.py   (agent_core.py and the client adapters client_*.py beside it)
"""

import base64
import importlib
import json
import os
import random
import sys
import threading
import time
import traceback

import agent_core as core

PROTOCOL = 1
ADAPTERS = {'kafka-python': 'client_kafka_python', 'confluent-kafka': 'client_confluent_kafka',
            'aiokafka': 'client_aiokafka', 'null': 'client_null'}
# What to install when a client's package cannot be imported.
INSTALL = {'kafka-python': 'Debian: apt-get install python3-kafka python3-crc32c; else pip install kafka-python crc32c',
           'confluent-kafka': 'Debian: apt-get install python3-confluent-kafka; else pip install confluent-kafka',
           'aiokafka': 'pip install aiokafka (Debian has no package)'}
FLUSH_SECONDS = 0.02
LONGEST_SLEEP_NS = 10_000_000
BURST = 256

_out = sys.stdout.buffer
_out_lock = threading.Lock()


def emit(frame):
    with _out_lock:
        _out.write(frame)
        _out.flush()


def answer(obj):
    emit(core.json_frame(json.dumps(obj, separators=(',', ':'))))


def log(message):
    sys.stderr.write('msgbench agent: %s\n' % message)
    sys.stderr.flush()


class AgentError(Exception):
    """A command that cannot be carried out: its message goes back to the worker as one line."""


class Producer:
    """One producer under its schedule; its fields are the sender thread's."""

    __slots__ = ('id', 'handle', 'tails', 'keys', 'keying', 'next_key', 'schedule', 'index', 'first', 'sequence',
                 'last_intended', 'last_send', 'reported', 'pending')

    def __init__(self, producer_id, handle, message_size, keying='NO_KEY', keys=(), payloads=()):
        self.id = producer_id
        self.handle = handle
        # What follows the stamp in each message: the Java producer's payloads (random bytes, OMB's pool, a payload
        # file), so compression sees what it sees for the Java client; zeros only when none were given.
        self.tails = [base64.b64decode(p)[core.STAMP_SIZE:] for p in payloads] or [bytes(message_size - core.STAMP_SIZE)]
        self.keying = keying
        self.keys = [k.encode('ascii') for k in keys]  # the Java producer's keys (KeyDistribution), in its order
        self.next_key = 0
        self.schedule = None
        self.index = 0
        self.first = 0  # the sequence of the current schedule's message 0
        self.sequence = 0
        self.last_intended = None
        self.last_send = None
        self.reported = None
        self.pending = None  # (schedule, forget owed): set by the command thread, taken over by the sender

    def next_due(self):
        """Intended time of the next message; switches to a requested schedule when due (as Java's
        ScheduledProducer does): at its start, or at once when what the current one owes is forgotten."""
        due = self.schedule.intended_time(self.index)
        pending = self.pending
        if pending is not None and (pending[1] or due >= pending[0].start):
            self.pending = None
            self.schedule = pending[0]
            self.index = 0
            self.first = self.sequence
            due = self.schedule.intended_time(0)
        return due

    def tail(self):
        """The payload after the stamp: the only one, or one of the pool picked at random (as Java's PayloadPool)."""
        tails = self.tails
        return tails[0] if len(tails) == 1 else tails[random.randrange(len(tails))]

    def key(self):
        """The next message's key as OMB's key distributors make it: none, the keys in turn, or by the clock."""
        if self.keying == 'KEY_ROUND_ROBIN':
            key = self.keys[self.next_key]
            self.next_key = (self.next_key + 1) % len(self.keys)
            return key
        if self.keying == 'RANDOM_NANO':
            return self.keys[time.monotonic_ns() % len(self.keys)]
        return None

    def debt(self, at):
        """Messages the current schedule made due by 'at' and not sent yet (Java's scheduleDebt)."""
        if self.schedule is None:
            return 0
        return max(0, self.schedule.due_by(at) - (self.sequence - self.first))


class Boundary:
    """A moment the sender marks: sends from 'at' on belong to 'phase' (None: the phase stays), and the schedule
    debt there is taken. The sender crosses it before its first send at or after 'at', or when its clock passes
    'at', so every send before 'at' counts in the old phase and the debt is exact."""

    __slots__ = ('phase', 'at', 'crossed', 'debt')

    def __init__(self, phase, at):
        self.phase = phase
        self.at = at
        self.crossed = threading.Event()
        self.debt = None


class Agent:
    PAUSE_SECONDS = 5  # how long a pause waits for the polls to apply it (a poll that died never does)

    def __init__(self):
        self.events = core.EventBatch()
        self.client = None
        self.clock = None
        self.producers = {}
        self.consumers = []
        self.phase = 1
        self.sender = None
        self.stop_at = None
        self.pay_deadline = None
        self.stop_now = False
        self.boundary = None
        self.flush_lock = threading.Lock()
        self.closed = threading.Event()

    # --- commands ----------------------------------------------------------------------------------------
    def hello(self):
        clients = {}
        for name, module in ADAPTERS.items():
            try:
                clients[name] = importlib.import_module(module).version()
            except Exception as e:  # a client that is not installed is reported, not fatal
                clients[name] = None
                log('%s unavailable: %s' % (name, e))
        return {'agent': PROTOCOL, 'pid': os.getpid(), 'python': sys.version.split()[0],
                'executable': sys.executable, 'clients': clients, 'monotonicNs': time.monotonic_ns()}

    def init(self, cmd):
        name = cmd['client']
        if name not in ADAPTERS:
            raise AgentError('unknown client %s (known: %s)' % (name, ', '.join(sorted(ADAPTERS))))
        try:
            module = importlib.import_module(ADAPTERS[name])
        except ImportError as e:
            raise AgentError('%s cannot import the %s client (%s): %s'
                             % (sys.executable, name, e, INSTALL.get(name, 'install its package')))
        self.clock = core.EpochClock(cmd['anchorEpochNs'], cmd['anchorMonotonicNs'])
        self.client = module.Client(cmd['bootstrap'], cmd.get('producer', {}), cmd.get('consumer', {}),
                                    self.events, self.clock)
        return {'effective': self.client.effective(), 'warnings': getattr(module, 'warnings', lambda: [])()}

    def create_consumers(self, cmd):
        for spec in cmd['consumers']:
            index = spec['index']
            consumer = self.client.consumer(index, spec['topic'], spec['group'],
                                            lambda i=index: answer({'notice': 'assigned', 'consumer': i}))
            if consumer is not None:
                consumer.on_stopped = lambda e, i=index: answer(
                    {'notice': 'consumerStopped', 'consumer': i, 'error': '%s: %s' % (type(e).__name__, e)})
                self.consumers.append(consumer)
        return {}

    def create_producers(self, cmd):
        for spec in cmd['producers']:
            pid = spec['id']
            keying = spec.get('keying', 'NO_KEY')
            if keying not in ('NO_KEY', 'KEY_ROUND_ROBIN', 'RANDOM_NANO') or (keying != 'NO_KEY' and not spec.get('keys')):
                raise AgentError('producer %s: keying %s with %d keys' % (pid, keying, len(spec.get('keys', ()))))
            size = spec['messageSize']
            payloads = spec.get('payloads', ())
            if size < core.STAMP_SIZE or any(len(base64.b64decode(p)) != size for p in payloads):
                raise AgentError('producer %s: payloads must be %d bytes, at least the %d-byte stamp'
                                 % (pid, size, core.STAMP_SIZE))
            self.producers[pid] = Producer(pid, self.client.producer(pid, spec['topic'], size), size, keying,
                                           spec.get('keys', ()), payloads)
        return {}

    def start(self, cmd):
        if self.sender is not None:
            raise AgentError('the load is running already')
        self.phase = cmd.get('phase', 1)
        for s in cmd['schedules']:
            p = self.producers[s['id']]
            p.schedule = core.RateSchedule(s['start'], s['rate'])
            p.index = 0
            p.first = p.sequence
            p.pending = None
        self.stop_at = None
        self.pay_deadline = None
        self.stop_now = False
        self.boundary = None
        self.sender = threading.Thread(target=self.send_loop, name='msgbench-sender', daemon=True)
        self.sender.start()
        return {}

    def change_schedules(self, cmd):
        """New schedules while the load runs: messages the current ones made due before a new one starts are
        still sent, unless 'forgetOwed' (the rate search's trials) drops them."""
        if self.sender is None:
            raise AgentError('no load is running')
        forget = bool(cmd.get('forgetOwed', False))
        for s in cmd['schedules']:
            self.producers[s['id']].pending = (core.RateSchedule(s['start'], s['rate']), forget)
        return {}

    def probe(self, cmd):
        """One readiness probe per producer (phase 0, sequence -1, never counted), while no load runs."""
        if self.sender is not None:
            raise AgentError('probes are sent before the load starts')
        for p in self.producers.values():
            now = self.clock.epoch_ns()
            p.handle.send(core.PROBE_PHASE, -1, now, now, p.key(), p.tail())
        return {'probes': len(self.producers)}

    def set_phase(self, cmd):
        """Sends from 'at' (or from now, if that is later) belong to the new phase; answers the boundary used
        and the schedule debt there."""
        return self.cross(Boundary(cmd['phase'], max(cmd.get('at', 0), self.clock.epoch_ns())))

    def cross(self, boundary):
        if self.sender is None:
            self.apply(boundary)
        else:
            self.boundary = boundary
            while not boundary.crossed.wait(0.1):
                if not self.sender.is_alive():
                    self.apply(boundary)
        return {'at': boundary.at, 'debt': boundary.debt}

    def apply(self, boundary):
        """Takes the debt at the boundary and moves the phase; on the sender thread while it runs."""
        if boundary.crossed.is_set():
            return
        boundary.debt = sum(p.debt(boundary.at) for p in self.producers.values())
        if boundary.phase is not None:
            self.phase = boundary.phase
        if self.boundary is boundary:
            self.boundary = None
        boundary.crossed.set()

    def stop(self, cmd):
        """Ends the schedules at 'at' (or now, if later): nothing intended after it is sent, what was due by
        then still is (until 'finish' sets a deadline). Answers the boundary used and the schedule debt there."""
        if self.sender is None:
            raise AgentError('no load is running')
        boundary = Boundary(None, max(cmd['at'], self.clock.epoch_ns()))
        self.stop_at = boundary.at  # the same moment the debt is taken at, and the worker counts unsent messages to
        return self.cross(boundary)

    def finish(self, cmd):
        """After stop: what is still owed at 'payDeadline' is never sent; waits for the sender, flushes the
        clients and the events, and answers each producer's sends and last times."""
        if self.sender is None or self.stop_at is None:
            raise AgentError('finish comes after stop')
        self.pay_deadline = cmd['payDeadline']
        while self.sender.is_alive():
            self.sender.join(0.1)
        self.sender = None
        self.client.flush(cmd.get('flushSeconds', 30))
        self.flush_events()
        return {'producers': [{'id': p.id, 'issued': p.sequence, 'lastIntended': p.last_intended,
                               'lastSend': p.last_send} for p in self.producers.values()]}

    def pause(self, cmd):
        """Consumers stop handing messages over while staying in their groups (a backlog builds), or resume."""
        chosen = [c for c in self.consumers if cmd.get('consumers') is None or c.index in cmd['consumers']]
        for c in chosen:
            c.set_paused(cmd['paused'])
        # Answered once every poll has applied it (a poll takes at most ~100 ms), so nothing arrives after a pause.
        deadline = time.monotonic() + self.PAUSE_SECONDS
        while not all(c.pause_applied() for c in chosen) and time.monotonic() < deadline:
            time.sleep(0.002)
        return {}

    def stats(self, cmd):
        """The agent's own CPU so far (all its threads, the client's included) and its sends: the worker puts
        CPU per message next to each client's figures, and says when an agent is the bottleneck."""
        return {'cpuSeconds': time.process_time(), 'threads': threading.active_count(),
                'issued': sum(p.sequence for p in self.producers.values())}

    def close(self):
        self.stop_now = True
        if self.sender is not None:
            self.sender.join(5)
        if self.client is not None:
            self.client.close()
        self.flush_events()
        self.closed.set()
        return {}

    # --- load --------------------------------------------------------------------------------------------
    def send_loop(self):
        """Open loop: every due message is sent, stamped with its own intended time; when behind, everything
        due goes at once (in bursts, producer by producer); never a sleep that hides lateness."""
        producers = [p for p in self.producers.values() if p.schedule is not None]
        clock = self.clock
        try:
            while not self.stop_now:
                now = clock.epoch_ns()
                boundary = self.boundary
                if boundary is not None and now >= boundary.at:
                    self.apply(boundary)
                    boundary = None
                if self.pay_deadline is not None and now > self.pay_deadline:
                    return
                stop_at = self.stop_at
                earliest = None
                for p in producers:
                    due = p.next_due()
                    n = 0
                    while due <= now and (stop_at is None or due <= stop_at) and n < BURST:
                        send = clock.epoch_ns()
                        if boundary is not None and send >= boundary.at:
                            self.apply(boundary)
                            boundary = None
                        p.handle.send(self.phase, p.sequence, due, send, p.key(), p.tail())
                        p.last_intended = due
                        p.last_send = send
                        p.sequence += 1
                        p.index += 1
                        n += 1
                        due = p.next_due()
                    if stop_at is None or due <= stop_at:
                        earliest = due if earliest is None or due < earliest else earliest
                if earliest is None:
                    return  # every schedule is finished
                self.client.service()
                wait = (earliest if boundary is None else min(earliest, boundary.at)) - clock.epoch_ns()
                if wait > 0:
                    time.sleep(min(wait, LONGEST_SLEEP_NS) / 1e9)
        except Exception as e:
            log('sender stopped: %s' % traceback.format_exc())
            answer({'notice': 'senderStopped', 'error': 'the sender stopped: %s' % e})
        finally:
            boundary = self.boundary
            if boundary is not None:  # nothing more is sent: the counts at the boundary are the final ones
                self.apply(boundary)

    def flush_events(self):
        # One flush at a time, taking and writing its frame together: a command answered after a flush (finish)
        # then never overtakes the frame another thread's flush took just before.
        with self.flush_lock:
            self._flush_events()

    def _flush_events(self):
        # Each producer's sends so far ride with its events: the worker reads the schedule debt and what is in
        # flight from them (a completion alone arrives an acknowledgement later).
        for p in list(self.producers.values()):
            issued, first, schedule = p.sequence, p.first, p.schedule
            if schedule is not None and (issued, first) != p.reported:
                p.reported = (issued, first)
                self.events.progress(p.id, issued, first, schedule.start, schedule.rate,
                                     p.last_intended or 0, p.last_send or 0)
        frame = self.events.take_frame()
        if frame is not None:
            emit(frame)

    def flush_loop(self):
        while not self.closed.wait(FLUSH_SECONDS):
            self.flush_events()


COMMANDS = {'init': Agent.init, 'consumers': Agent.create_consumers, 'producers': Agent.create_producers,
            'start': Agent.start, 'schedule': Agent.change_schedules, 'probe': Agent.probe, 'phase': Agent.set_phase,
            'stop': Agent.stop, 'finish': Agent.finish, 'pause': Agent.pause, 'stats': Agent.stats}


def main():
    agent = Agent()
    answer(agent.hello())
    threading.Thread(target=agent.flush_loop, name='msgbench-flush', daemon=True).start()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            cmd = json.loads(line)
            op = cmd.get('op')
            if op == 'quit':
                break
            if op not in COMMANDS:
                raise AgentError('unknown command %r' % (op,))
            if op not in ('init', 'stats') and agent.client is None:
                raise AgentError('%s before init' % op)
            result = COMMANDS[op](agent, cmd)
            result['ok'] = op
            answer(result)
        except (AgentError, core.SettingError) as e:
            answer({'error': str(e)})
        except Exception as e:
            log(traceback.format_exc())
            answer({'error': '%s failed: %s: %s' % (cmd.get('op') if isinstance(cmd, dict) else '?',
                                                     type(e).__name__, e)})
    agent.close()


if __name__ == '__main__':
    main()
