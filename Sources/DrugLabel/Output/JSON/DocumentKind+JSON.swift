extension DocumentKind: JSONWritable {}
