import java.nio.file.*;
import java.util.*;
/** Prototype (run.sh): query string -> answer bytes, from files named <query>.json written by make-answers.js. */
final class Answers {
    static Map<String, byte[]> load(Path folder) throws Exception {
        Map<String, byte[]> answers = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("queries.txt"))) {
            String[] parts = line.split(" ");
            answers.put(parts[0], Files.readAllBytes(folder.resolve(parts[1])));
        }
        return answers;
    }
}
