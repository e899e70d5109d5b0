import Logging
import NIOCore

/// Guards the reading of each request head, at the byte level, before the HTTP decoder:
///
/// - the head must arrive whole within `timeout` of its first byte. Hummingbird's idle timeout
///   counts from the last complete request part, so a client trickling a header a byte at a
///   time would hold a connection for the whole idle time;
/// - a request line over `limits.line` bytes is answered 414, a head over `limits.head` 431,
///   as JSON errors like every other, and the connection closed. The decoder's own limit
///   (80 KB) would answer a bare 400 without a body.
///
/// The end of a head is a blank line (CRLF CRLF, or LF LF, which the decoder also accepts).
/// Bytes after it start the next request's head: the server answers only GET and HEAD, which
/// have no body, so a request that sends one is refused anyway and may not take longer.
final class RequestHeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    struct Limits: Sendable {
        var timeout: TimeAmount
        var line = 8 * 1024
        var head = 32 * 1024
    }

    private let limits: Limits
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    /// The last byte seen was a line feed (carriage returns skipped): a second one ends a head.
    private var afterNewline = false
    /// Bytes of the head being read, and whether its request line has ended.
    private var headBytes = 0
    private var lineEnded = false
    /// The start of the request line, for the log line of a refused head.
    private var start: [UInt8] = []
    private var refused = false

    init(limits: Limits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            if deadline == nil { arm(context) }
            headBytes += 1
            if start.count < LogLine.targetLimit { start.append(byte) }
            if byte == UInt8(ascii: "\n") {
                lineEnded = true
                if afterNewline { endOfHead() } else { afterNewline = true }
                continue
            }
            if byte != UInt8(ascii: "\r") { afterNewline = false }
            if !lineEnded && headBytes > limits.line {
                return refuse(context, status: "414 URI Too Long", code: "request_line_too_long",
                              message: "the request line is over \(limits.line) bytes; no request of this API needs as many")
            }
            if headBytes > limits.head {
                return refuse(context, status: "431 Request Header Fields Too Large", code: "headers_too_large",
                              message: "the request's headers are over \(limits.head) bytes")
            }
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    private func endOfHead() {
        disarm()
        afterNewline = false
        headBytes = 0
        lineEnded = false
        start.removeAll(keepingCapacity: true)
    }

    private func arm(_ context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: limits.timeout) { bound.value.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }

    /// Answers in the bytes of HTTP/1.1 (the decoder never saw this head, so nothing above it
    /// can) and closes; later bytes of the connection are dropped.
    private func refuse(_ context: ChannelHandlerContext, status: String, code: String, message: String) {
        refused = true
        disarm()
        let line = String(decoding: start.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        logger.info("\(line)…(over \(headBytes) bytes) \(status.prefix(3)) refused")
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#
        let head = "HTTP/1.1 \(status)\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n"
        context.writeAndFlush(NIOAny(ByteBuffer(string: head + body)), promise: nil)
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension RequestHeadGuard: Sendable {}
