import DrugLabel
import Foundation
import Hummingbird

/// Responses with bodies built here: JSON with sorted keys (the same request gives the same
/// bytes, as `parse` does), CSV and HTML.
enum JSONBody {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response.bytes(try encoder.encode(value), contentType: "application/json; charset=utf-8", status: status)
    }
}

extension Response {
    static func bytes(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType, .contentLength: String(data.count)],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), contentType: contentType, status: status)
    }
}
