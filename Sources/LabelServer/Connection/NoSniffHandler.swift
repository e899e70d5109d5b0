import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Adds `X-Content-Type-Options: nosniff` to every response head, the router's and those
/// Hummingbird writes itself (a 400 for a request it cannot parse): a browser must take a JSON
/// or CSV answer for what its Content-Type says, never for a page to run.
final class NoSniffHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        head.headerFields[NoSniffHandler.field] = "nosniff"
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }

    static let field = HTTPField.Name("X-Content-Type-Options")!
}

@available(*, unavailable)
extension NoSniffHandler: Sendable {}
