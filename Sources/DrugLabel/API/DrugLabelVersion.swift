/// The version `druglabel --version` prints and the server reports: the one place it is written.
public enum DrugLabelVersion {
    public static let current = "0.14.0"
}
