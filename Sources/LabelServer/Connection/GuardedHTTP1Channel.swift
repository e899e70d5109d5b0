import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel with a `RequestHeadGuard` in front of its decoder (the
/// header-read timeout and the size limits of a head); the idle timeout is Hummingbird's own.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let limits: RequestHeadGuard.Limits
    let logger: Logger

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let (limits, log) = (limits, self.logger)
        return channel.eventLoop.makeCompletedFuture {
            // First in the pipeline: it must see bytes before the decoder turns them into a head.
            try channel.pipeline.syncOperations.addHandler(RequestHeadGuard(limits: limits, logger: log), position: .first)
        }.flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with a header-read timeout, an idle timeout, bounded heads, and every response
    /// marked `X-Content-Type-Options: nosniff`.
    static func guardedHTTP1(headerTimeout: Duration, idleTimeout: Duration, logger: Logger) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(
                inner: HTTP1Channel(responder: responder,
                                    configuration: .init(additionalChannelHandlers: [NoSniffHandler()], idleTimeout: TimeAmount(idleTimeout))),
                limits: .init(timeout: TimeAmount(headerTimeout)), logger: logger)
        }
    }
}
