// Makes the package's VERSION file the one place the version is written: before Shared
// compiles, this turns it into `packageVersion`, which --version and provenance print.
import Foundation
import PackagePlugin

@main
struct VersionFromFile: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "VERSION")
        let output = context.pluginWorkDirectoryURL.appending(path: "PackageVersion.swift")
        // sh reads the file at build time, so editing VERSION rebuilds Shared (it is an input).
        let script = #"""
            v=$(tr -d '\n' < "$1")
            case "$v" in ''|*[!0-9A-Za-z.+~-]*) echo "VERSION: '$v' is not a version" >&2; exit 1 ;; esac
            printf '// Generated from VERSION by the VersionFromFile plugin.\nlet packageVersion = "%s"\n' "$v" > "$2"
            """#
        return [.buildCommand(
            displayName: "Version from \(input.lastPathComponent)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "sh", input.path, output.path],
            inputFiles: [input],
            outputFiles: [output])]
    }
}
