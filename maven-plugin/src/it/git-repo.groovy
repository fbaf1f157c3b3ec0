// Shared by the samples' setup scripts: the tool judges git history, so each sample becomes a repository of its own.
def git(File dir, String... args) {
    def command = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false',
                   '-c', 'init.defaultBranch=main'] + args.toList()
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    if (process.waitFor() != 0) throw new IllegalStateException("git ${args.join(' ')}: ${output}")
    output
}
return this
