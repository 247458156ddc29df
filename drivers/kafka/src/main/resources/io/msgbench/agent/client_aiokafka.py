"""aiokafka (asyncio) for the msgbench agent, written against aiokafka's documented API (AIOKafkaProducer,
AIOKafkaConsumer, aiokafka.abc.ConsumerRebalanceListener); checked here with aiokafka 0.14.0 from its sources.

The clients live on an event loop of their own thread. A send crosses into the loop through a queue that one
coroutine per producer drains in order (a task per message could reorder sends whose batch is full, since
send() awaits room); the send time is taken in the loop, just before the client's send(). Settings arrive
under Kafka's Java names and become aiokafka's keyword arguments (linger.ms -> linger_ms, batch.size ->
max_batch_size), checked against its constructors' own parameters. Pitfall from its source: asyncio never
sleeps less than about a millisecond, so a schedule finer than that is served in bursts.
"""

import asyncio
import inspect
import threading

import aiokafka
from aiokafka.abc import ConsumerRebalanceListener

import agent_core as core

RENAMED = {'batch.size': 'max_batch_size'}
NOT_SETTINGS = {'self', 'loop', 'bootstrap_servers', 'topics', 'group_id'}
POLL_MS = 100
CALL_SECONDS = 60


def version():
    return aiokafka.__version__


def _native(settings, client_class, kind):
    parameters = {name: p.default for name, p in inspect.signature(client_class.__init__).parameters.items()
                  if name not in NOT_SETTINGS}
    native = {}
    for name, value in settings.items():
        key = RENAMED.get(name, name.replace('.', '_'))
        if key not in parameters:
            raise core.SettingError('aiokafka %s has no setting %s (%s)' % (kind, name, key))
        native[key] = core.typed_setting('aiokafka', key, value, parameters[key])
    if native.get('compression_type') in ('none', ''):
        native['compression_type'] = None
    return native, parameters


class Client(core.AdapterClient):
    def __init__(self, bootstrap, producer, consumer, events, clock):
        super().__init__(events, clock)
        self.bootstrap = bootstrap
        self.producer_settings, self._producer_defaults = _native(producer, aiokafka.AIOKafkaProducer, 'producer')
        self.consumer_settings, self._consumer_defaults = _native(consumer, aiokafka.AIOKafkaConsumer, 'consumer')
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name='msgbench-asyncio', daemon=True)
        self.thread.start()

    def run(self, coroutine, seconds=CALL_SECONDS):
        """Runs a coroutine on the clients' loop and waits for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(seconds)

    def effective(self):
        def pinned(defaults, given, keys):
            all_settings = dict(defaults, **given)
            return {k: str(all_settings[k]) for k in sorted(set(keys) | set(given)) if k in all_settings}
        return {'producer': pinned(self._producer_defaults, self.producer_settings,
                                   ('acks', 'linger_ms', 'max_batch_size', 'compression_type', 'enable_idempotence',
                                    'request_timeout_ms')),
                'consumer': pinned(self._consumer_defaults, self.consumer_settings,
                                   ('auto_offset_reset', 'enable_auto_commit', 'fetch_min_bytes', 'fetch_max_wait_ms',
                                    'max_poll_records'))}

    def close(self):
        super().close()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class _Producer:
    def __init__(self, owner, producer_id, topic, message_size):
        self.owner = owner
        self.id = producer_id
        self.topic = topic
        self.events = owner.events
        self.clock = owner.clock
        self.client, self.queue = owner.run(self._start())
        self.drainer = asyncio.run_coroutine_threadsafe(self._drain(), owner.loop)

    async def _start(self):
        client = aiokafka.AIOKafkaProducer(bootstrap_servers=self.owner.bootstrap, **self.owner.producer_settings)
        await client.start()
        return client, asyncio.Queue()

    def send(self, phase, sequence, intended, send, key, tail):
        self.owner.loop.call_soon_threadsafe(self.queue.put_nowait, (phase, sequence, intended, key, tail))

    async def _drain(self):
        while True:
            phase, sequence, intended, key, tail = await self.queue.get()
            try:
                if phase is None:
                    return  # close() asked: everything before it was sent
                send = self.clock.epoch_ns()
                value = core.pack_stamp(phase, self.id, sequence, intended, send) + tail
                try:
                    delivery = await self.client.send(self.topic, value, key=key)
                except Exception:
                    self.events.completed(True, phase, self.id, sequence, intended, send, self.clock.epoch_ns())
                    continue
                delivery.add_done_callback(
                    lambda f, ph=phase, sq=sequence, it=intended, sd=send: self.events.completed(
                        f.cancelled() or f.exception() is not None, ph, self.id, sq, it, sd, self.clock.epoch_ns()))
            finally:
                self.queue.task_done()

    def flush(self, seconds):
        async def everything_sent():
            await self.queue.join()
            await self.client.flush()
        self.owner.run(everything_sent(), seconds)

    def close(self):
        self.owner.loop.call_soon_threadsafe(self.queue.put_nowait, (None, None, None, None, None))
        try:
            self.drainer.result(10)
        finally:
            self.owner.run(self.client.stop())


class _Consumer(core.AdapterConsumer):
    def __init__(self, owner, index, topic, group, on_assigned):
        super().__init__(owner, index)
        self.owner = owner
        self.running = True
        self.client = owner.run(self._start(topic, group, on_assigned))
        self.reader = asyncio.run_coroutine_threadsafe(self._loop(), owner.loop)

    async def _start(self, topic, group, on_assigned):
        client = aiokafka.AIOKafkaConsumer(bootstrap_servers=self.owner.bootstrap, group_id=group,
                                           **self.owner.consumer_settings)
        client.subscribe([topic], listener=core.assignment_listener(ConsumerRebalanceListener, on_assigned))
        await client.start()
        return client

    def hold(self, paused):
        (self.client.pause if paused else self.client.resume)(*self.client.assignment())

    async def _loop(self):
        try:
            while self.running:
                self.follow_pause()
                batches = await self.client.getmany(timeout_ms=POLL_MS)
                if batches:
                    self.events.received_all(self.index, batches, self.clock.epoch_ns())
        except Exception as e:
            self.stopped(e)

    def close(self):
        self.running = False
        try:
            self.reader.result(POLL_MS / 1000 * 20)
        finally:
            self.owner.run(self.client.stop())


Client.producer_class = _Producer
Client.consumer_class = _Consumer
