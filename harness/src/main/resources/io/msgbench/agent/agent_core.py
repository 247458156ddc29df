"""What every msgbench agent shares with the Java engine, whatever its client: the payload stamp, the rate
schedule and the clock (DESIGN sections 4 and 9). A Python client adapter builds on these three so that its
messages are stamped, scheduled and timed exactly as the Java client's are; the shared test vectors
(test-vectors.json, next to this file) hold both implementations to one answer.

Standard library only: the agent runs under Debian's /usr/bin/python3 with nothing installed but the clients.
"""

import math
import struct
import threading
import time

class SettingError(ValueError):
    """A setting the client cannot honour: one line naming the client and the setting."""


# --- stamp -------------------------------------------------------------------------------------------------
# Layout version 1, big-endian, the first 32 bytes of every payload (io.msgbench.load.PayloadStamp):
#   magic and version 0x4D01 (2), phase (2, unsigned), producer id (4, signed), sequence (8),
#   intended send time (8, epoch ns), actual send time (8, epoch ns).
STAMP = struct.Struct('>HHiqqq')
STAMP_SIZE = STAMP.size
MAGIC_AND_VERSION = 0x4D01
PROBE_PHASE = 0
MAX_PHASE = 0xFFFF

assert STAMP_SIZE == 32


def pack_stamp(phase, producer_id, sequence, intended_epoch_ns, send_epoch_ns):
    """The 32 stamp bytes."""
    return STAMP.pack(MAGIC_AND_VERSION, phase, producer_id, sequence, intended_epoch_ns, send_epoch_ns)


def stamp_into(buffer, phase, producer_id, sequence, intended_epoch_ns, send_epoch_ns):
    """Writes the stamp over the first 32 bytes of a bytearray (for clients that copy on send)."""
    STAMP.pack_into(buffer, 0, MAGIC_AND_VERSION, phase, producer_id, sequence, intended_epoch_ns, send_epoch_ns)


def is_stamped(payload):
    return payload is not None and len(payload) >= STAMP_SIZE and payload[0] == 0x4D and payload[1] == 0x01


def read_stamp(payload):
    """(phase, producer id, sequence, intended, send) of a stamped payload."""
    _, phase, producer_id, sequence, intended, sent = STAMP.unpack_from(payload, 0)
    return phase, producer_id, sequence, intended, sent


# --- schedule ----------------------------------------------------------------------------------------------
NANOS_PER_SECOND = 1_000_000_000
_EXACT_LIMIT = (2 ** 63 - 1) // NANOS_PER_SECOND


class RateSchedule:
    """Message i is due at start + floor(i * 1e9 / rate), computed from i, never accumulated
    (io.msgbench.load.RateSchedule): integer arithmetic for an integral rate while i * 1e9 fits a signed
    64-bit integer, as Java's long arithmetic does, IEEE double otherwise, as Java's double arithmetic does."""

    __slots__ = ('start', 'rate', '_integral', '_period')

    def __init__(self, start_epoch_ns, rate_per_second):
        if not rate_per_second > 0 or math.isinf(rate_per_second):
            raise ValueError('rate must be a positive number of messages per second, was %r' % (rate_per_second,))
        self.start = int(start_epoch_ns)
        self.rate = float(rate_per_second)
        self._integral = (int(rate_per_second)
                          if rate_per_second == math.floor(rate_per_second) and rate_per_second < 2 ** 63 - 1 else 0)
        self._period = NANOS_PER_SECOND / self.rate

    def intended_time(self, i):
        if self._integral and i <= _EXACT_LIMIT:
            return self.start + (i * NANOS_PER_SECOND) // self._integral
        return self.start + math.floor(i * self._period)

    def due_by(self, epoch_ns):
        """How many messages are due at or before epoch_ns: the count of i with intended_time(i) <= epoch_ns,
        estimated and then corrected to agree with intended_time exactly (as Java's dueBy)."""
        elapsed = epoch_ns - self.start
        if elapsed < 0:
            return 0
        n = math.floor(elapsed / self._period) + 1
        while n > 0 and self.intended_time(n - 1) > epoch_ns:
            n -= 1
        while self.intended_time(n) <= epoch_ns:
            n += 1
        return n


# --- clock -------------------------------------------------------------------------------------------------
class EpochClock:
    """Epoch nanoseconds as the Java engine computes them: anchor + (monotonic now - monotonic anchor).
    time.monotonic_ns() and Java's System.nanoTime() read the same CLOCK_MONOTONIC on one host, so with the
    worker's anchor (epoch ns, nanoTime ns) the agent's times are the worker's times, exactly."""

    __slots__ = ('_offset',)

    def __init__(self, anchor_epoch_ns, anchor_monotonic_ns):
        self._offset = int(anchor_epoch_ns) - int(anchor_monotonic_ns)

    def epoch_ns(self):
        return self._offset + time.monotonic_ns()


# --- events ------------------------------------------------------------------------------------------------
# The agent's stdout carries frames only (logs go to stderr): a 4-byte big-endian length of what follows,
# a type byte, then the body. JSON frames answer commands; event frames carry fixed-size binary records,
# big-endian, one after another (docs/agent-protocol.md).
FRAME_HEAD = struct.Struct('>IB')
FRAME_JSON = 0x4A     # 'J'
FRAME_EVENTS = 0x45   # 'E'

EVENT_COMPLETED = 1   # a send's outcome: status, phase, producer id, sequence, intended, send and ack times
EVENT_RECEIVED = 2    # a message handed to a consumer: consumer index, partition, receive time, its 32 stamp bytes
EVENT_PROGRESS = 3    # a producer's sends so far, the schedule segment it is on, its last intended and send times
STATUS_OK = 0
STATUS_FAILED = 1
COMPLETED = struct.Struct('>BBHiqqqq')
RECEIVED_HEAD = struct.Struct('>BBHiiq')
PROGRESS = struct.Struct('>BBHiqqqdqq')

assert COMPLETED.size == 40
assert RECEIVED_HEAD.size + STAMP_SIZE == 52
assert PROGRESS.size == 56


class EventBatch:
    """Events collected between two flushes, from any thread (client callbacks run on the clients' own
    threads). Appending is one struct.pack and a bytearray extend under a lock: a few hundred ns against the
    client's microseconds per message. The lock is needed: `buffer += x` is several bytecodes, and a flush
    between them would lose events."""

    __slots__ = ('_buffer', 'count', '_lock')

    def __init__(self):
        self._buffer = bytearray()
        self.count = 0
        self._lock = threading.Lock()

    def completed(self, failed, phase, producer_id, sequence, intended_ns, send_ns, ack_ns):
        record = COMPLETED.pack(EVENT_COMPLETED, STATUS_FAILED if failed else STATUS_OK, phase, producer_id,
                                sequence, intended_ns, send_ns, ack_ns)
        with self._lock:
            self._buffer += record
            self.count += 1

    def received(self, consumer, partition, receive_ns, value):
        stamp = value[:STAMP_SIZE]
        if len(stamp) != STAMP_SIZE:
            stamp = bytes(stamp).ljust(STAMP_SIZE, b'\0')
        record = RECEIVED_HEAD.pack(EVENT_RECEIVED, 0, 0, consumer, partition, receive_ns) + stamp
        with self._lock:
            self._buffer += record
            self.count += 1

    def received_all(self, consumer, batches, receive_ns):
        """Every record of one poll's {TopicPartition: [records]} (kafka-python's and aiokafka's shape), all
        handed to the application at receive_ns."""
        for tp, records in batches.items():
            for r in records:
                self.received(consumer, tp.partition, receive_ns, r.value)

    def progress(self, producer_id, issued, segment_first, segment_start_ns, segment_rate, last_intended_ns,
                 last_send_ns):
        """Messages handed to the client so far; the schedule segment (its first sequence, start and rate) they
        were counted under, so the worker computes the schedule debt as Java's ScheduledProducer does."""
        record = PROGRESS.pack(EVENT_PROGRESS, 0, 0, producer_id, issued, segment_first, segment_start_ns,
                               float(segment_rate), last_intended_ns, last_send_ns)
        with self._lock:
            self._buffer += record
            self.count += 1

    def size(self):
        return len(self._buffer)

    def take_frame(self):
        """The frame of everything appended so far (None when nothing was), and a fresh start."""
        with self._lock:
            if not self._buffer:
                return None
            body, self._buffer, self.count = self._buffer, bytearray(), 0
        return FRAME_HEAD.pack(len(body) + 1, FRAME_EVENTS) + body


def json_frame(text):
    body = text.encode('utf-8')
    return FRAME_HEAD.pack(len(body) + 1, FRAME_JSON) + body


# --- adapters ----------------------------------------------------------------------------------------------
def checked_acks(client, value):
    """acks as Kafka brokers take it: all (or -1), 0 or 1; anything else is refused by the broker, so it is an error
    before any broker work."""
    if value not in ('all', '-1', '0', '1'):
        raise SettingError('%s: acks must be all, -1, 0 or 1, was %s' % (client, value))
    return value if value == 'all' else int(value)


def typed_setting(client, key, value, default):
    """A setting given as text (Kafka's Java style) in the type of the client's own default for it: 'all' and
    numbers for acks, true/false for a boolean, a whole number for an integer."""
    if not isinstance(value, str):
        return value
    if key == 'acks':
        return checked_acks(client, value)
    if isinstance(default, bool):
        if value.lower() not in ('true', 'false'):
            raise SettingError('%s: %s must be true or false, was %s' % (client, key, value))
        return value.lower() == 'true'
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            raise SettingError('%s: %s must be a whole number, was %s' % (client, key, value))
    if isinstance(default, float):
        return float(value)
    return value


def assignment_listener(listener_class, on_assigned):
    """A rebalance listener of the client's own listener class (kafka-python's, aiokafka's) that reports
    every assignment: the worker waits for the first before it starts the load."""

    class Assigned(listener_class):
        def on_partitions_revoked(self, revoked):
            pass

        def on_partitions_assigned(self, assigned):
            on_assigned()

    return Assigned()


class AdapterConsumer:
    """What every adapter's consumer shares: its index, where its messages go, and the pause the worker asks for
    (a backlog test). The thread that polls calls follow_pause() before each poll: while paused, the whole current
    assignment is paused again (a rebalance may bring new partitions), then resumed once. hold(paused) pauses or
    resumes the client's assignment. stopped(error) says why polling ended on its own (the agent notifies the
    worker through on_stopped)."""

    def __init__(self, owner, index):
        self.index = index
        self.events = owner.events
        self.clock = owner.clock
        self.paused = False
        self._held = False
        self.on_stopped = None

    def set_paused(self, paused):
        self.paused = bool(paused)

    def follow_pause(self):
        paused = self.paused
        if paused or self._held:
            self.hold(paused)
            self._held = paused

    def pause_applied(self):
        """True once the polling side has applied the pause asked for last: no message is handed over after it."""
        return self._held == self.paused

    def hold(self, paused):
        raise NotImplementedError

    def stopped(self, error):
        if self.on_stopped is not None:
            self.on_stopped(error)


class PollingConsumer(AdapterConsumer):
    """A consumer polled on a thread of its own until closed (kafka-python's and confluent-kafka's). A subclass
    makes self.client, then calls start_polling(); its poll() takes one poll's messages into self.events."""

    JOIN_SECONDS = 2

    def __init__(self, owner, index):
        super().__init__(owner, index)
        self.client = None
        self.running = True
        self.thread = None

    def start_polling(self):
        self.thread = threading.Thread(target=self._run, name='msgbench-consumer-%d' % self.index, daemon=True)
        self.thread.start()

    def poll(self):
        raise NotImplementedError

    def _run(self):
        try:
            while self.running:
                self.follow_pause()
                self.poll()
        except Exception as e:
            self.stopped(e)
        finally:
            self.client.close()

    def close(self):
        self.running = False
        self.thread.join(self.JOIN_SECONDS)


class AdapterClient:
    """What every client adapter's Client shares: the producers and consumers it made (of its own
    producer_class and consumer_class: constructed with (client, id or index, topic, ...), with flush(seconds)
    and close()), flushed and closed together. Callbacks run on the clients' own threads, so service() has
    nothing to do unless an adapter says otherwise."""

    producer_class = None
    consumer_class = None

    def __init__(self, events, clock):
        self.events = events
        self.clock = clock
        self.producers = []
        self.consumers = []

    def producer(self, producer_id, topic, message_size):
        p = self.producer_class(self, producer_id, topic, message_size)
        self.producers.append(p)
        return p

    def consumer(self, index, topic, group, on_assigned):
        c = self.consumer_class(self, index, topic, group, on_assigned)
        self.consumers.append(c)
        return c

    def service(self):
        pass

    def flush(self, seconds):
        for p in self.producers:
            p.flush(seconds)

    def close(self):
        for c in self.consumers:
            c.close()
        for p in self.producers:
            p.close()
