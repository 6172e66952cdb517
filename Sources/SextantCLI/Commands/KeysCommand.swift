import ArgumentParser
import Foundation
import SextantServices

extension APITier: ExpressibleByArgument {}

/// `sextant keys create|list|revoke`: API keys for `sextant serve`. Only a SHA-256 digest of each key is stored.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, list and revoke API keys.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print it once (it cannot be shown again).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A name to recognise the key by.") var name: String
        @Option(help: "free, pro or enterprise.") var tier: APITier
        @Flag var json = false

        func run() throws {
            let (key, record) = try APIKeyService(store: global.openRepository(), clock: wallClock).create(name: name, tier: tier)
            if json {
                struct Created: Encodable { let key: String; let id: Int64; let name: String; let tier: String; let prefix: String }
                print(try Output.json(Created(key: key, id: record.id, name: record.name, tier: record.tier.rawValue, prefix: record.prefix)))
            } else {
                print(key)
                Output.stderr("key \(record.id) '\(record.name)' (\(record.tier.rawValue)) created; store it now, it is not shown again")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (prefix, name, tier, state); never the keys themselves.")
        @OptionGroup var global: GlobalOptions
        @Flag var json = false

        func run() throws {
            let keys = try APIKeyService(store: global.openRepository(), clock: wallClock).list()
            if json {
                struct Listed: Encodable { let id: Int64; let name: String; let tier: String; let prefix: String; let created: String; let revoked: String? }
                print(try Output.json(keys.map { Listed(id: $0.id, name: $0.name, tier: $0.tier.rawValue, prefix: $0.prefix,
                                                        created: $0.createdAt.iso8601, revoked: $0.revokedAt?.iso8601) }))
            } else {
                print(Output.table(["id", "prefix", "name", "tier", "created", "state"], keys.map {
                    [String($0.id), $0.prefix, $0.name, $0.tier.rawValue, $0.createdAt.iso8601, $0.revokedAt.map { "revoked " + $0.iso8601 } ?? "active"]
                }))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by id or prefix (takes effect within 5 seconds).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Key id or prefix (from 'keys list').") var key: String

        func run() throws {
            do {
                let r = try APIKeyService(store: global.openRepository(), clock: wallClock).revoke(key)
                print("revoked key \(r.id) '\(r.name)' (\(r.prefix))")
            } catch let e as APIKeyError { throw CommandFailure(e.description) }
        }
    }
}
