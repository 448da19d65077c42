/**
 * @decorumjs/redis: Redis integrations for Decorum. Every public name is listed here by hand.
 */
export { RedisBroker, type RedisBrokerOptions, type RedisDuplicableClient, type RedisPublisherClient, type RedisSubscriberClient } from './redis-broker.js';
export { RedisBrokerError, redisErrors, type RedisErrorCode } from './errors.js';
