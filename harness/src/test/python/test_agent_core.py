"""The agent core against the test vectors the Java tests read too (run by io.msgbench.agent.AgentCoreTest)."""

import json
import os
import time
import unittest

import agent_core

VECTORS = json.load(open(os.environ['MSGBENCH_VECTORS']))


class StampTest(unittest.TestCase):
    def test_packs_every_vector_byte_for_byte(self):
        for v in VECTORS['stamps']:
            packed = agent_core.pack_stamp(v['phase'], v['producerId'], v['sequence'], v['intendedEpochNanos'],
                                           v['sendEpochNanos'])
            self.assertEqual(v['hex'], packed.hex(), v)

    def test_reads_every_vector_back(self):
        for v in VECTORS['stamps']:
            payload = bytes.fromhex(v['hex']) + b'rest of the payload'
            self.assertTrue(agent_core.is_stamped(payload))
            self.assertEqual((v['phase'], v['producerId'], v['sequence'], v['intendedEpochNanos'], v['sendEpochNanos']),
                             agent_core.read_stamp(payload))

    def test_stamps_a_reused_buffer_in_place(self):
        buffer = bytearray(100)
        v = VECTORS['stamps'][2]
        agent_core.stamp_into(buffer, v['phase'], v['producerId'], v['sequence'], v['intendedEpochNanos'],
                              v['sendEpochNanos'])
        self.assertEqual(v['hex'], bytes(buffer[:32]).hex())
        self.assertEqual(bytes(68), bytes(buffer[32:]))

    def test_an_unstamped_or_short_payload_is_not_stamped(self):
        self.assertFalse(agent_core.is_stamped(bytes(32)))
        self.assertFalse(agent_core.is_stamped(bytes.fromhex(VECTORS['stamps'][1]['hex'])[:31]))
        self.assertFalse(agent_core.is_stamped(None))


class ScheduleTest(unittest.TestCase):
    def test_every_vector(self):
        for v in VECTORS['schedule']:
            s = agent_core.RateSchedule(v['startEpochNanos'], v['ratePerSecond'])
            self.assertEqual(v['intendedEpochNanos'], s.intended_time(v['index']), v)

    def test_due_by_every_vector(self):
        for v in VECTORS['dueBy']:
            s = agent_core.RateSchedule(v['startEpochNanos'], v['ratePerSecond'])
            self.assertEqual(v['dueBy'], s.due_by(v['epochNanos']), v)

    def test_due_by_agrees_with_the_intended_times(self):
        s = agent_core.RateSchedule(1_000, 7_777.7)
        for i in range(0, 20_000, 7):
            t = s.intended_time(i)
            self.assertEqual(i + 1, s.due_by(t))
            self.assertEqual(i, s.due_by(t - 1))  # the period is far above a nanosecond

    def test_a_rate_that_is_not_a_positive_number_is_refused(self):
        for rate in (0, -1, float('inf'), float('nan')):
            with self.assertRaises(ValueError):
                agent_core.RateSchedule(0, rate)


class ClockTest(unittest.TestCase):
    def test_epoch_time_follows_the_anchor_and_the_monotonic_clock(self):
        mono = time.monotonic_ns()
        clock = agent_core.EpochClock(1_800_000_000_000_000_000, mono)
        now = clock.epoch_ns()
        self.assertGreaterEqual(now, 1_800_000_000_000_000_000)
        self.assertLess(now, 1_800_000_000_000_000_000 + 1_000_000_000)


class EventsTest(unittest.TestCase):
    def test_encodes_the_vector_frame_byte_for_byte(self):
        batch = agent_core.EventBatch()
        for e in VECTORS['events']['records']:
            if e['kind'] == 'completed':
                batch.completed(e['failed'], e['phase'], e['producerId'], e['sequence'], e['intendedEpochNanos'],
                                e['sendEpochNanos'], e['ackEpochNanos'])
            elif e['kind'] == 'received':
                value = bytes.fromhex(e['stamp']).rstrip(b'\0') if e['stamp'].endswith('00' * 27) else \
                    bytes.fromhex(e['stamp']) + b'tail'
                batch.received(e['consumer'], e['partition'], e['receiveEpochNanos'], value)
            else:
                batch.progress(e['producerId'], e['issued'], e['segmentFirstSequence'], e['segmentStartEpochNanos'],
                               e['segmentRatePerSecond'], e['lastIntendedEpochNanos'], e['lastSendEpochNanos'])
        self.assertEqual(len(VECTORS['events']['records']), batch.count)
        self.assertEqual(VECTORS['events']['frameHex'], batch.take_frame().hex())
        self.assertIsNone(batch.take_frame())

    def test_json_frames(self):
        self.assertEqual(b'\x00\x00\x00\x03J{}', agent_core.json_frame('{}'))


if __name__ == '__main__':
    unittest.main()
