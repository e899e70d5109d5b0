/// Where a rebuilt table is not sure of itself: a cell placed in its column without evidence in
/// the text, or lost by the source. A page or a grid marks these cells; a dose read from one
/// says so (`Dose.uncertainty`).
extension Table.Cell {
    public var isUncertain: Bool {
        flags?.contains(where: { $0 == .uncertainColumn || $0 == .missing }) == true
    }
}

extension Table.Row {
    public var hasUncertainCells: Bool { cells.contains(where: \.isUncertain) }
}

extension Table {
    public var hasUncertainCells: Bool { rows.contains(where: \.hasUncertainCells) }
}
