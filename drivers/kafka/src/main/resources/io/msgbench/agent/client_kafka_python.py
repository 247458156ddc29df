"""kafka-python for the msgbench agent.

Settings arrive under Kafka's Java names (linger.ms) and become kafka-python's keyword arguments (linger_ms);
a name kafka-python does not know, or a value it cannot take, is an error naming this client. Pitfalls measured
here (shared/reference/python-clients.md): callbacks run on kafka-python's I/O thread and exceptions in them are
swallowed (the counts at the end are the check); without the C crc32c module (Debian: python3-crc32c) it caps at
~6k msg/s. A value is the stamp and the producer's payload tail joined (about 160 ns, under 1 % of a send here).
"""

import kafka
from kafka.consumer.subscription_state import ConsumerRebalanceListener
from kafka.record import util as record_util

import agent_core as core

POLL_MS = 100


def version():
    crc = 'C crc32c' if record_util.crc32c_c is not None else 'pure-Python crc32c: install python3-crc32c'
    return '%s (%s)' % (kafka.__version__, crc)


def warnings():
    if record_util.crc32c_c is None:
        return ['CRC32C is computed in pure Python, which caps kafka-python at about 6k msg/s: install python3-crc32c '
                '(Debian) or crc32c (pip)']
    return []


def _native(settings, defaults, kind):
    """Java names and string values to kafka-python's keyword arguments, checked against its own defaults."""
    native = {}
    for name, value in settings.items():
        key = name.replace('.', '_')
        if key not in defaults:
            raise core.SettingError('kafka-python %s has no setting %s (%s)' % (kind, name, key))
        native[key] = core.typed_setting('kafka-python', key, value, defaults[key])
    if native.get('enable_idempotence') not in (None, False):
        raise core.SettingError('kafka-python %s cannot honour enable.idempotence=true' % kind)
    native.pop('enable_idempotence', None)
    compression = native.get('compression_type')
    if compression is not None:
        native['compression_type'] = None if compression in ('none', '') else compression
    return native


PRODUCER_DEFAULTS = dict(kafka.KafkaProducer.DEFAULT_CONFIG, enable_idempotence=False)
CONSUMER_DEFAULTS = kafka.KafkaConsumer.DEFAULT_CONFIG


class Client(core.AdapterClient):
    def __init__(self, bootstrap, producer, consumer, events, clock):
        super().__init__(events, clock)
        self.producer_settings = _native(producer, PRODUCER_DEFAULTS, 'producer')
        self.consumer_settings = _native(consumer, CONSUMER_DEFAULTS, 'consumer')
        self.bootstrap = bootstrap
        codec = self.producer_settings.get('compression_type')
        if codec is not None:
            # kafka-python checks its codec libraries only in the producer's constructor
            from kafka.codec import has_gzip, has_lz4, has_snappy, has_zstd
            present = {'gzip': has_gzip, 'lz4': has_lz4, 'snappy': has_snappy, 'zstd': has_zstd}
            if codec not in present or not present[codec]():
                raise core.SettingError('kafka-python cannot honour compression.type=%s: its library is missing '
                                        '(Debian: python3-lz4, python3-snappy or python3-zstandard)' % codec)

    def effective(self):
        def pinned(defaults, given):
            keys = ('acks', 'linger_ms', 'batch_size', 'compression_type', 'max_in_flight_requests_per_connection',
                    'buffer_memory', 'retries', 'fetch_min_bytes', 'fetch_max_wait_ms', 'max_poll_records',
                    'auto_offset_reset', 'enable_auto_commit')
            all_settings = dict(defaults, **given)
            return {k: str(all_settings[k]) for k in sorted(set(keys) | set(given)) if k in all_settings}
        return {'producer': pinned(PRODUCER_DEFAULTS, self.producer_settings),
                'consumer': pinned(CONSUMER_DEFAULTS, self.consumer_settings)}

class _Producer:
    def __init__(self, owner, producer_id, topic, message_size):
        self.id = producer_id
        self.topic = topic
        self.events = owner.events
        self.clock = owner.clock
        self.client = kafka.KafkaProducer(bootstrap_servers=owner.bootstrap, **owner.producer_settings)

    def send(self, phase, sequence, intended, send, key, tail):
        value = core.pack_stamp(phase, self.id, sequence, intended, send) + tail
        try:
            future = self.client.send(self.topic, value, key=key)
        except Exception:  # e.g. a record too large, or max_block_ms passed with the buffer full
            self.events.completed(True, phase, self.id, sequence, intended, send, self.clock.epoch_ns())
            return
        future.add_callback(self._acknowledged, phase, sequence, intended, send)
        future.add_errback(self._failed, phase, sequence, intended, send)

    def _acknowledged(self, phase, sequence, intended, send, metadata):
        self.events.completed(False, phase, self.id, sequence, intended, send, self.clock.epoch_ns())

    def _failed(self, phase, sequence, intended, send, error):
        self.events.completed(True, phase, self.id, sequence, intended, send, self.clock.epoch_ns())

    def flush(self, seconds):
        self.client.flush(seconds)

    def close(self):
        self.client.close(10)


class _Consumer(core.PollingConsumer):
    def __init__(self, owner, index, topic, group, on_assigned):
        super().__init__(owner, index)
        self.client = kafka.KafkaConsumer(bootstrap_servers=owner.bootstrap, group_id=group,
                                          **owner.consumer_settings)
        self.client.subscribe([topic], listener=core.assignment_listener(ConsumerRebalanceListener, on_assigned))
        self.start_polling()

    def hold(self, paused):
        (self.client.pause if paused else self.client.resume)(*self.client.assignment())

    def poll(self):
        batches = self.client.poll(timeout_ms=POLL_MS)
        if batches:
            self.events.received_all(self.index, batches, self.clock.epoch_ns())


Client.producer_class = _Producer
Client.consumer_class = _Consumer
