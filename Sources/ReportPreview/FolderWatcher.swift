import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to any file below a folder by comparing snapshots of sizes, modification times and inodes.
///
/// Why polling and not inotify: an experiment folder holds a handful of files, so a snapshot costs a few
/// `stat` calls (well under a millisecond), and polling sees every way editors save — in place, by writing a
/// new file and renaming it over the old (a new inode), in new sub-folders — with no watch descriptors to keep
/// in step with the tree. Hidden files and editor backups (`.x.swp`, `x~`) are ignored.
struct FolderWatcher {
    /// What identifies one version of a file.
    struct Stamp: Equatable {
        var size: Int64
        var modified: timespec
        var inode: UInt64

        static func == (left: Stamp, right: Stamp) -> Bool {
            left.size == right.size && left.inode == right.inode
                && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
        }
    }

    let folder: URL
    /// Folders below `folder` whose files are not the experiment's (the output, when the user put it inside).
    var excluded: [URL] = []

    /// Relative path → stamp of every regular file below the folder.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let root = folder.standardizedFileURL.path
        let excludedPrefixes = excluded.map(\.standardizedFileURL.path).filter { $0.hasPrefix(root + "/") }
            .map { String($0.dropFirst(root.count + 1)) }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return stamps }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || excludedPrefixes.contains(relative) {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            var status = stat()
            guard stat(root + "/" + relative, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            stamps[relative] = Stamp(size: Int64(status.st_size), modified: status.st_mtim, inode: UInt64(status.st_ino))
        }
        return stamps
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
