// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "atelier-sante",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "atelier-sante", targets: ["atelier-sante"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The ZIP container of .docx, .odt, .xlsx and .ods files (deflate through the system's zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // GNU readline, seen only by AtelierREPL's ReadlineLineReader (linked by the module map).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The domain: questionnaire, answers, validation, navigation, completion. No I/O.
        .target(
            name: "AtelierCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The workbook file: schema migrations, answers and their history.
        .target(
            name: "AtelierStore",
            dependencies: ["AtelierCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Readers of the national open-data files (RPPS, FINESS, INSEE): streaming, byte-level.
        .target(
            name: "AtelierImport",
            dependencies: ["AtelierCore"],
            // Optimised even in debug builds (`swift run`): unoptimised, the byte-level scan of a
            // 1 Go file takes 25 s instead of half a second.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Measures the RPPS import against wc, DuckDB and sqlite3 (scripts/bench_import.py).
        .executableTarget(name: "atelier-bench-import", dependencies: ["AtelierImport"]),
        // Generated documents: the CLS draft from Mustache templates, pure functions of answers.
        .target(
            name: "AtelierDocuments",
            dependencies: ["AtelierCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Office documents (Word, LibreOffice) written by the tool itself: the CLS draft and the
        // plan as .docx and .odt, the plan as .xlsx and .ods. Their XML is ours; only the ZIP
        // container comes from a package.
        .target(
            name: "AtelierOffice",
            dependencies: ["AtelierCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The terminal: line editing, commands, rendering, the session loop.
        .target(
            name: "AtelierREPL",
            dependencies: ["AtelierCore", "AtelierStore", "AtelierDocuments", "AtelierOffice", "AtelierImport", "CReadline"]
        ),
        .executableTarget(
            name: "atelier-sante",
            dependencies: [
                "AtelierREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AtelierCoreTests", dependencies: ["AtelierCore"]),
        .testTarget(name: "AtelierStoreTests", dependencies: ["AtelierStore", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "AtelierDocumentsTests", dependencies: ["AtelierDocuments"]),
        .testTarget(name: "AtelierOfficeTests", dependencies: ["AtelierOffice"], exclude: ["Readers"]),
        .testTarget(name: "AtelierImportTests", dependencies: ["AtelierImport"]),
        .testTarget(name: "AtelierREPLTests", dependencies: ["AtelierREPL", "AtelierDocuments"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
