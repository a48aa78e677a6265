/**
 * An in-memory test double of the eMAG Marketplace API (api-3): the routes, envelope, Basic auth per
 * account, rate limits, order state machine, offers, callbacks and a generator of new orders, plus
 * fault injection and a report of what it saw, so Runner's client can be tested and benchmarked
 * without the real service. State lives only as long as the process.
 */
package ro.runner.simulator;
