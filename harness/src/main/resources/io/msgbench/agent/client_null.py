"""A client that sends nowhere: every send is acknowledged at once, no consumer ever receives. It measures the
agent's own cost per message (schedule, stamp, events), the floor under every Python client's figures."""

import agent_core as core


def version():
    return 'null'


class Client:
    def __init__(self, bootstrap, producer, consumer, events, clock):
        if producer or consumer:
            raise core.SettingError('the null client takes no settings, was given %s'
                                    % ', '.join(sorted(set(producer) | set(consumer))))
        self.events = events
        self.clock = clock

    def effective(self):
        return {'producer': {}, 'consumer': {}}

    def producer(self, producer_id, topic, message_size):
        return _Producer(self, producer_id, message_size)

    def consumer(self, index, topic, group, on_assigned):
        on_assigned()
        return None

    def service(self):
        pass

    def flush(self, seconds):
        pass

    def close(self):
        pass


class _Producer:
    def __init__(self, owner, producer_id, message_size):
        self.id = producer_id
        self.buffer = bytearray(message_size)
        self.events = owner.events
        self.clock = owner.clock

    def send(self, phase, sequence, intended, send, key, tail):
        core.stamp_into(self.buffer, phase, self.id, sequence, intended, send)
        self.events.completed(False, phase, self.id, sequence, intended, send, self.clock.epoch_ns())
