package it.labimpact.synthetic;

import java.util.Map;

/**
 * Invented people's names by community (common names, no real person meant), citizenships of the main non-EU
 * communities in Lombardy with their weights, and the cadastral codes of their countries (for codici fiscali).
 */
final class SyntheticNames {

    private SyntheticNames() {
    }

    /** Country code, weight (per hundred), name group, Belfiore code of the country. */
    static final String[][] CITIZENSHIPS = {
        {"MA", "12", "ar", "Z330"}, {"AL", "10", "sq", "Z100"}, {"EG", "10", "ar", "Z336"}, {"CN", "7", "zh", "Z210"},
        {"UA", "7", "uk", "Z138"}, {"IN", "6", "hi", "Z222"}, {"PH", "6", "tl", "Z216"}, {"PK", "6", "ur", "Z236"},
        {"SN", "5", "wo", "Z343"}, {"PE", "5", "es", "Z611"}, {"EC", "4", "es", "Z605"}, {"BD", "5", "bn", "Z249"},
        {"LK", "4", "si", "Z209"}, {"NG", "3", "en", "Z335"}, {"TN", "3", "ar", "Z352"}, {"MD", "3", "uk", "Z140"},
        {"GH", "1", "en", "Z318"}, {"BR", "1", "pt", "Z602"}, {"CI", "1", "wo", "Z313"}, {"IT", "1", "it", "F205"}};

    record Group(String[] surnames, String[] female, String[] male) {
    }

    static final Map<String, Group> GROUPS = Map.ofEntries(
            Map.entry("ar", new Group(
                    new String[] {"El Amrani", "Benali", "Haddad", "Mansour", "Saleh", "Farouk", "Naciri", "Bouzid",
                        "Khalil", "Tahiri", "Hassan", "Ouali"},
                    new String[] {"Fatima", "Aisha", "Mariam", "Amal", "Salma", "Nour", "Yasmina", "Khadija", "Hanane",
                        "Samira"},
                    new String[] {"Youssef", "Omar", "Karim", "Mohamed", "Ahmed", "Hamza", "Rachid", "Tarek", "Walid",
                        "Bilal"})),
            Map.entry("sq", new Group(
                    new String[] {"Hoxha", "Shehu", "Krasniqi", "Gashi", "Dervishi", "Leka", "Kola", "Marku", "Basha",
                        "Cela", "Dushku", "Tafa"},
                    new String[] {"Ardita", "Elira", "Blerta", "Jonida", "Mirela", "Ermira", "Anisa", "Klea", "Denisa",
                        "Fjolla"},
                    new String[] {"Ardit", "Besnik", "Erion", "Gent", "Ilir", "Kastriot", "Luan", "Dritan", "Arben",
                        "Fatos"})),
            Map.entry("zh", new Group(
                    new String[] {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                        "Hu"},
                    new String[] {"Mei", "Li Na", "Xiu", "Yan", "Fang", "Jing", "Hui", "Ying", "Lan", "Qing"},
                    new String[] {"Wei", "Jun", "Hao", "Lei", "Ming", "Tao", "Jian", "Bo", "Gang", "Yong"})),
            Map.entry("uk", new Group(
                    new String[] {"Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Melnyk", "Rusu", "Ceban",
                        "Lungu", "Moroz", "Savchuk", "Popescu", "Kravets"},
                    new String[] {"Olena", "Iryna", "Natalia", "Oksana", "Tetiana", "Svetlana", "Ana", "Victoria",
                        "Maria", "Yulia"},
                    new String[] {"Andrii", "Oleksandr", "Dmytro", "Serhii", "Ion", "Vasile", "Mykola", "Ivan",
                        "Petro", "Vlad"})),
            Map.entry("hi", new Group(
                    new String[] {"Singh", "Kumar", "Sharma", "Kaur", "Patel", "Gill", "Sandhu", "Verma", "Gupta",
                        "Dhillon", "Sidhu", "Rani"},
                    new String[] {"Priya", "Harpreet", "Simran", "Anita", "Pooja", "Jaspreet", "Sunita", "Neha",
                        "Manpreet", "Kiran"},
                    new String[] {"Raj", "Gurpreet", "Amit", "Harjit", "Sandeep", "Rajesh", "Manjit", "Vikram",
                        "Sukhdev", "Arjun"})),
            Map.entry("ur", new Group(
                    new String[] {"Khan", "Ahmed", "Ali", "Hussain", "Iqbal", "Butt", "Malik", "Raza", "Shah",
                        "Chaudhry", "Aslam", "Javed"},
                    new String[] {"Ayesha", "Sana", "Hina", "Rabia", "Nadia", "Saima", "Bushra", "Fozia", "Amina",
                        "Zainab"},
                    new String[] {"Tariq", "Imran", "Asif", "Bilal", "Usman", "Kamran", "Faisal", "Nadeem", "Shahid",
                        "Zeeshan"})),
            Map.entry("bn", new Group(
                    new String[] {"Rahman", "Hossain", "Islam", "Uddin", "Akter", "Begum", "Miah", "Sarkar", "Alam",
                        "Chowdhury", "Karim", "Sultana"},
                    new String[] {"Nasrin", "Shirin", "Taslima", "Rupa", "Farzana", "Sharmin", "Roksana", "Mitu",
                        "Shathi", "Lima"},
                    new String[] {"Rafiq", "Jamal", "Shafiq", "Habib", "Sohel", "Masud", "Kamal", "Rubel", "Anwar",
                        "Faruk"})),
            Map.entry("si", new Group(
                    new String[] {"Perera", "Fernando", "Silva", "De Silva", "Jayasinghe", "Bandara", "Dissanayake",
                        "Wickramasinghe", "Gunawardena", "Rajapaksa", "Herath", "Kumara"},
                    new String[] {"Dilani", "Chamari", "Nadeesha", "Sanduni", "Ishara", "Malini", "Kumari", "Nirosha",
                        "Shanika", "Thilini"},
                    new String[] {"Nuwan", "Chaminda", "Ruwan", "Kasun", "Saman", "Lahiru", "Pradeep", "Tharindu",
                        "Asanka", "Dinesh"})),
            Map.entry("tl", new Group(
                    new String[] {"Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Ramos",
                        "Aquino", "Villanueva", "Dela Cruz", "Castillo"},
                    new String[] {"Maricel", "Joy", "Rowena", "Marites", "Jocelyn", "Liza", "Grace", "Analyn",
                        "Cristina", "Rhea"},
                    new String[] {"Jomar", "Ramon", "Arnel", "Rodel", "Jericho", "Mark", "Noel", "Rolando", "Edwin",
                        "Jun"})),
            Map.entry("wo", new Group(
                    new String[] {"Diop", "Ndiaye", "Fall", "Sow", "Ba", "Diallo", "Sy", "Gueye", "Kone", "Traore",
                        "Coulibaly", "Cisse"},
                    new String[] {"Fatou", "Awa", "Aminata", "Mariama", "Khady", "Ndeye", "Aissatou", "Coumba",
                        "Adama", "Rokhaya"},
                    new String[] {"Mamadou", "Ousmane", "Cheikh", "Moussa", "Ibrahima", "Abdoulaye", "Modou",
                        "Lamine", "Babacar", "Aliou"})),
            Map.entry("es", new Group(
                    new String[] {"Quispe", "Flores", "Huaman", "Mamani", "Rojas", "Vargas", "Castro", "Morales",
                        "Gutierrez", "Vera", "Cedeno", "Zambrano"},
                    new String[] {"Rosa", "Carmen", "Lucia", "Maribel", "Gladys", "Juana", "Elena", "Patricia",
                        "Veronica", "Silvia"},
                    new String[] {"Carlos", "Luis", "Jose", "Juan", "Jorge", "Miguel", "Cesar", "Victor", "Wilmer",
                        "Edison"})),
            Map.entry("en", new Group(
                    new String[] {"Okafor", "Adeyemi", "Okonkwo", "Mensah", "Asante", "Boateng", "Eze", "Ibrahim",
                        "Owusu", "Nwosu", "Osei", "Bello"},
                    new String[] {"Grace", "Blessing", "Joy", "Esther", "Mercy", "Abena", "Precious", "Faith",
                        "Gloria", "Comfort"},
                    new String[] {"Emeka", "Kwame", "Chinedu", "Samuel", "Kofi", "Daniel", "Tunde", "Yaw", "Victor",
                        "Godwin"})),
            Map.entry("pt", new Group(
                    new String[] {"Silva", "Souza", "Oliveira", "Pereira", "Costa", "Rodrigues", "Almeida", "Lima",
                        "Carvalho", "Gomes", "Ribeiro", "Martins"},
                    new String[] {"Ana", "Juliana", "Fernanda", "Camila", "Patricia", "Aline", "Bruna", "Leticia",
                        "Mariana", "Renata"},
                    new String[] {"Joao", "Pedro", "Lucas", "Rafael", "Thiago", "Bruno", "Felipe", "Gustavo",
                        "Rodrigo", "Diego"})),
            Map.entry("it", new Group(
                    new String[] {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                        "Marino", "Greco", "Bruno", "Gallo"},
                    new String[] {"Giulia", "Sara", "Martina", "Chiara", "Francesca", "Elisa", "Laura", "Valentina",
                        "Alessia", "Federica"},
                    new String[] {"Marco", "Luca", "Andrea", "Matteo", "Davide", "Simone", "Alessandro", "Federico",
                        "Stefano", "Paolo"})));
}
