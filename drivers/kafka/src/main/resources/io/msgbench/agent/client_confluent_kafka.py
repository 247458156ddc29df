"""confluent-kafka (librdkafka) for the msgbench agent.

Settings arrive under Kafka's Java names and most are librdkafka's names too; the few that differ are
renamed, and a name librdkafka does not know is an error naming this client (librdkafka checks its own names
when the client is created). Pitfalls measured here (shared/reference/python-clients.md): delivery callbacks
run only inside poll() or flush(), so a poller thread per producer serves them as they arrive (polled from the
send loop they were timestamped up to a millisecond late); produce() needs bytes; a full local queue raises
BufferError, which is back-pressure: poll and retry.
"""

import threading

import confluent_kafka

import agent_core as core

# Java consumer settings that are not librdkafka properties, and what they become here.
RENAMED = {'fetch.max.wait.ms': 'fetch.wait.max.ms'}
CONSUMER_ONLY_HERE = {'max.poll.records'}  # a consume() argument in librdkafka, not a property
POLL_SECONDS = 0.1


def version():
    return '%s (librdkafka %s)' % (confluent_kafka.version()[0], confluent_kafka.libversion()[0])


def _native(settings):
    for key in ('acks', 'request.required.acks'):
        if key in settings:
            core.checked_acks('confluent-kafka', str(settings[key]))
    return {RENAMED.get(k, k): str(v) for k, v in settings.items() if k not in CONSUMER_ONLY_HERE}


class Client(core.AdapterClient):
    def __init__(self, bootstrap, producer, consumer, events, clock):
        super().__init__(events, clock)
        self.bootstrap = bootstrap
        self.producer_settings = dict(_native(producer), **{'bootstrap.servers': bootstrap})
        self.consumer_settings = dict(_native(consumer), **{'bootstrap.servers': bootstrap})
        self.poll_records = int(consumer.get('max.poll.records', 500))
        # librdkafka rejects an unknown or invalid property when a client is made: make one of each now, so
        # that a bad setting is an error before any load.
        try:
            confluent_kafka.Producer(self.producer_settings)
        except confluent_kafka.KafkaException as e:
            raise core.SettingError('confluent-kafka producer: %s' % e.args[0].str())
        try:
            confluent_kafka.Consumer(dict(self.consumer_settings, **{'group.id': 'msgbench-check'})).close()
        except confluent_kafka.KafkaException as e:
            raise core.SettingError('confluent-kafka consumer: %s' % e.args[0].str())

    def effective(self):
        return {'producer': dict(self.producer_settings), 'consumer': dict(self.consumer_settings,
                                                                           **{'consume.batch': str(self.poll_records)})}

class _Producer:
    def __init__(self, owner, producer_id, topic, message_size):
        self.id = producer_id
        self.topic = topic
        self.events = owner.events
        self.clock = owner.clock
        self.client = confluent_kafka.Producer(dict(owner.producer_settings, on_delivery=self._delivered))
        self.running = True
        self.poller = threading.Thread(target=self._poll, name='msgbench-poll-%d' % producer_id, daemon=True)
        self.poller.start()

    def send(self, phase, sequence, intended, send, key, tail):
        value = core.pack_stamp(phase, self.id, sequence, intended, send) + tail
        while True:
            try:
                self.client.produce(self.topic, value, key)
                return
            except BufferError:  # the local queue is full: wait for deliveries
                self.client.poll(0.0005)
            except confluent_kafka.KafkaException as e:  # e.g. a message too large for the client
                self.events.completed(True, phase, self.id, sequence, intended, send, self.clock.epoch_ns())
                return

    def _delivered(self, err, msg):
        ack = self.clock.epoch_ns()
        phase, producer_id, sequence, intended, send = core.read_stamp(msg.value())
        self.events.completed(err is not None, phase, producer_id, sequence, intended, send, ack)

    def _poll(self):
        while self.running:
            self.client.poll(POLL_SECONDS)

    def flush(self, seconds):
        self.client.flush(seconds)

    def close(self):
        self.running = False
        self.poller.join(1)
        self.client.flush(10)


class _Consumer(core.PollingConsumer):
    def __init__(self, owner, index, topic, group, on_assigned):
        super().__init__(owner, index)
        self.batch = max(1, owner.poll_records - 1)
        self.on_assigned = on_assigned
        self.client = confluent_kafka.Consumer(dict(owner.consumer_settings, **{'group.id': group}))
        self.client.subscribe([topic], on_assign=self._assigned)
        self.start_polling()

    def _assigned(self, consumer, partitions):
        self.on_assigned()

    def hold(self, paused):
        assignment = self.client.assignment()
        if assignment:
            (self.client.pause if paused else self.client.resume)(assignment)

    def poll(self):
        first = self.client.poll(POLL_SECONDS)
        if first is None:
            return
        # poll(timeout) for the first message, then consume(batch, 0) for what is already there: a
        # consume(n, timeout) alone waits for n messages or the timeout (28.8 ms p50 at 10k/s here)
        messages = [first] + self.client.consume(self.batch, 0)
        received = self.clock.epoch_ns()
        for m in messages:
            if m.error() is None:
                self.events.received(self.index, m.partition(), received, m.value())


Client.producer_class = _Producer
Client.consumer_class = _Consumer
